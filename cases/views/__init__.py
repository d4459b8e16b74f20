"""Thin views: parse the request, ask cases.access / cases.selectors, call a service, render.

One module per area of the case page; cases/urls.py names them.
"""
