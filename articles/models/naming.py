"""Things known by several names (outlets, actors) and their aliases, matched by name key.

An owner model subclasses ``KnownByName`` and declares its aliases as a subclass of
``Alias`` with a foreign key named by ``owner_field`` and ``related_name="aliases"``.
A name and every alias share one key space: no two owners can answer to the same name.
"""

from django.core.exceptions import ValidationError
from django.db import models

from articles.names import name_key


class NamedQuerySet(models.QuerySet):
    def matching(self, name: str):
        """Rows whose name or an alias matches ``name``, ignoring case and punctuation."""
        key = name_key(name)
        return self.filter(models.Q(key=key) | models.Q(aliases__key=key)).distinct()


class KnownByName(models.Model):
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        super().save(*args, **kwargs)

    def remember_name(self, old_name: str) -> None:
        """After a rename, keep the old name as an alias, so texts that use it still match."""
        key = name_key(old_name or "")
        if key and key != self.key and not self.aliases.filter(key=key).exists():
            self.aliases.create(name=old_name)

    def name_errors(self) -> dict[str, str]:
        """The name's problems for ``clean()``: no letters, or a name another row answers to."""
        self.key = name_key(self.name)
        label = self._meta.verbose_name
        if not self.key:
            return {"name": f"An {label}'s name needs letters or digits."}
        clash = type(self).objects.matching(self.name).exclude(pk=self.pk).first()
        if clash:
            return {"name": f"This name is already used by the {label} “{clash}”."}
        return {}


class Alias(models.Model):
    """Another way an owner is written: "RFE/RL", "Lukashenko"."""

    owner_field = ""

    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        self.key = name_key(self.name)
        owner_model = self._meta.get_field(self.owner_field).related_model
        label = owner_model._meta.verbose_name
        if not self.key:
            raise ValidationError({"name": "An alias needs letters or digits."})
        owner_id = getattr(self, f"{self.owner_field}_id")
        clash = owner_model.objects.matching(self.name).exclude(pk=owner_id).first()
        if clash:
            raise ValidationError({"name": f"This name already belongs to the {label} “{clash}”."})
        if type(self).objects.filter(key=self.key).exclude(pk=self.pk).exists():
            raise ValidationError({"name": f"The {label} already has this alias."})
