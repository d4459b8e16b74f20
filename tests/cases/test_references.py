import re
import threading
from datetime import date

import pytest
from django.db import connection

from cases.models import Case, CaseReferenceCounter, NuisanceCategory
from partners.models import User
from tests.factories import make_case, seed_reference_data

REFERENCE = re.compile(r"^WO-(\d{4})-(\d{5})$")


def test_reference_format(consulent):
    case = make_case(consulent)
    match = REFERENCE.match(case.reference)
    assert match, case.reference
    assert int(match[1]) == case.opened_on.year


def test_references_are_sequential_within_a_year(consulent):
    refs = [make_case(consulent, opened_on=date(2025, 3, d)).reference for d in (1, 2, 3)]
    assert refs == ["WO-2025-00001", "WO-2025-00002", "WO-2025-00003"]


def test_numbering_restarts_each_year(consulent):
    a = make_case(consulent, opened_on=date(2024, 12, 31))
    b = make_case(consulent, opened_on=date(2025, 1, 1))
    c = make_case(consulent, opened_on=date(2024, 6, 1))
    d = make_case(consulent, opened_on=date(2025, 6, 1))
    assert [a.reference, b.reference, c.reference, d.reference] == [
        "WO-2024-00001",
        "WO-2025-00001",
        "WO-2024-00002",
        "WO-2025-00002",
    ]


def test_a_failed_creation_gives_its_number_back(consulent):
    make_case(consulent, opened_on=date(2025, 1, 1))
    with pytest.raises(ValueError):
        # An unsaved category makes the service fail after the number was taken.
        make_case(
            consulent, opened_on=date(2025, 1, 2), categories=[NuisanceCategory(name="nieuw")]
        )
    assert make_case(consulent, opened_on=date(2025, 1, 3)).reference == "WO-2025-00002"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises all writers; row locking is only meaningful on PostgreSQL",
)
def test_concurrent_creation_gives_unique_gap_free_references(transactional_db):
    from tests.factories import OrganisationFactory, UserFactory

    seed_reference_data()
    organisation = OrganisationFactory()
    users = [UserFactory(organisation=organisation) for _ in range(8)]
    year = date.today().year
    counter = CaseReferenceCounter.objects.filter(year=year).first()
    start = counter.last_number if counter else 0

    threads_n, per_thread = 8, 5
    barrier = threading.Barrier(threads_n)
    references: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(user_pk):
        try:
            user = User.objects.get(pk=user_pk)
            barrier.wait(timeout=30)
            for _ in range(per_thread):
                case = make_case(user)
                with lock:
                    references.append(case.reference)
        except BaseException as exc:  # reported below, in the main thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(u.pk,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors
    total = threads_n * per_thread
    assert len(references) == total
    assert len(set(references)) == total, "duplicate references handed out"
    numbers = sorted(int(REFERENCE.match(ref)[2]) for ref in references)
    assert numbers == list(range(start + 1, start + total + 1)), "references are not gap-free"
    assert Case.objects.filter(reference__in=references).count() == total
