"""Authentication backend: Django's ModelBackend, loading the user's organisation with the user.

Every request of a logged-in user needs the organisation (the door decides by organisation,
the menu and the inbox name it); fetching it with the user saves a query on every page.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("organisation").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
