"""The editors' admin for articles, their parts, and the outlets and sources they cite."""

from .articles import ArticleAdmin
from .catalog import AuthorAdmin, CatalogAdmin, PublicationAdmin, RegionAdmin, TopicAdmin
from .sources import OutletAdmin, SourceAdmin, UnresolvedCrossReferenceAdmin
from .widgets import AliasFormSet, RowAutocompleteInline, RowAutocompleteSelect, RowChoicesForm

__all__ = [
    "AliasFormSet",
    "ArticleAdmin",
    "AuthorAdmin",
    "CatalogAdmin",
    "OutletAdmin",
    "PublicationAdmin",
    "RegionAdmin",
    "RowAutocompleteInline",
    "RowAutocompleteSelect",
    "RowChoicesForm",
    "SourceAdmin",
    "TopicAdmin",
    "UnresolvedCrossReferenceAdmin",
]
