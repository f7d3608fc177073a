"""Template tags that draw events: a timeline chart, and the events an article reports."""

from django import template

from articles.dates import Precision
from events.charts import TimelineItem, timeline_chart
from events.models import Event

register = template.Library()


@register.simple_tag
def article_events(article):
    """The published events ``article`` reports, oldest first (two queries)."""
    return list(Event.objects.public().filter(articles=article).for_timeline().chronological())


@register.inclusion_tag("events/_timeline.html")
def timeline(events, label="Timeline", compact=False):
    """The events as an SVG chart with an accessible list beside it (loaded ``for_timeline()``);
    ``events`` may be a page of them, with links to the pages before and after."""
    page = events if hasattr(events, "paginator") else None
    events = list(events)
    items = [
        TimelineItem(
            first_day=event.starts_on,
            last_day=event.ends_on,
            title=event.title,
            date_label=event.date_display(),
            url=event.get_absolute_url(),
            family=event.event_type.family.name,
            colour=event.event_type.family.colour,
            point=event.start_precision == Precision.DAY and not event.end_precision,
        )
        for event in events
    ]
    return {
        "chart": timeline_chart(items),
        "events": events,
        "page": page,
        "label": label,
        "compact": compact,
    }
