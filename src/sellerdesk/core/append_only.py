"""Audit trails are append-only: their rows are written once and never updated or deleted."""

from django.db import models


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError(f"{self.model.__name__} rows are append-only: they are never updated.")

    def delete(self):
        raise TypeError(f"{self.model.__name__} rows are append-only: they are never deleted.")


class AppendOnlyModel(models.Model):
    """A model whose rows are never rewritten: saving an existing row or deleting one is refused."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise TypeError(f"{type(self).__name__} rows are append-only: they are never updated.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError(f"{type(self).__name__} rows are append-only: they are never deleted.")
