"""Background jobs of the assistant; each is safe to retry."""

from django_tasks import task


@task()
def triage_new_case(case_id: int, category_chosen: bool) -> bool:
    """Triages a case just opened (once: a retry finds the stored reading)."""
    from .services import triage_case

    return triage_case(case_id, category_chosen=category_chosen) is not None
