"""Template tags that draw events: a timeline chart, and the events an article reports."""

from html import escape

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from events.charts import TimelineItem, timeline_chart
from events.models import Event
from events.representations import event_path, fill_event
from events.timelines import timeline_rows

register = template.Library()


@register.simple_tag
def article_events(article):
    """The published events ``article`` reports, oldest first, as timeline rows (two queries)."""
    return timeline_rows(Event.objects.public().filter(articles=article).chronological())


@register.inclusion_tag("events/_timeline.html")
def timeline(events, label="Timeline", compact=False, query=""):
    """The events (``events.timelines.TimelineRow``) as an SVG chart with an accessible list
    beside it; ``events`` may be a page of them, with links to the pages before and after
    (their addresses beginning with ``query``, such as "direct=1&")."""
    page = events if hasattr(events, "paginator") else None
    events = list(events)
    path = event_path()
    items = [
        TimelineItem(
            first_day=event.first_day,
            last_day=event.last_day,
            title=event.title,
            date_label=event.date_label,
            url=fill_event(path, event.uuid),
            family=event.family,
            colour=event.colour,
            point=event.point,
        )
        for event in events
    ]
    chart = timeline_chart(items)
    return {
        "chart": chart,
        "marks_html": _marks_html(chart.marks) if chart else "",
        "rows_html": _rows_html(events, items, compact),
        "events": events,
        "page": page,
        "label": label,
        "compact": compact,
        "query": query,
    }


def timeline_render(events, label="Timeline", compact=False, query="") -> SafeString:
    """What ``{% timeline events label=… %}`` writes, as a string (to store it)."""
    return mark_safe(  # noqa: S308 (the template escapes)
        render_to_string(
            "events/_timeline.html", timeline(events, label=label, compact=compact, query=query)
        )
    )


# A timeline draws and lists up to a hundred events: their marks and rows are written out
# here rather than by the template engine, which costs several times more per row; event
# addresses are reversed once for the page. Every value is escaped (by the standard
# library's escape, which Django's wraps: the same text, without a wrapper per call).
# A bar is never narrower than this on screen (a month on a phone would be a hairline); the
# chart's margins leave room for it at the axis's end.
BAR_MIN_PX = 6


def _marks_html(marks) -> SafeString:
    out = []
    for mark in marks:
        item = mark.item
        colour = escape(item.colour)
        if item.point:
            shape = f'<circle cx="{mark.x:g}%" cy="{mark.y}" r="6" fill="{colour}"></circle>'
        else:
            shape = (
                f'<rect x="{mark.x:g}%" y="{mark.y - 5}" width="{mark.width:g}%" '
                f'style="width: max({BAR_MIN_PX}px, {mark.width:g}%)" '
                f'height="10" rx="3" fill="{colour}" fill-opacity="0.75"></rect>'
            )
        # A link named by its <title> (what a pointer's hover shows too), inside a group.
        out.append(
            f'<a href="{escape(item.url)}" class="event-mark">'
            f"<title>{escape(item.date_label)}: {escape(item.title)}</title>{shape}</a>"
        )
    return mark_safe("\n".join(out))  # noqa: S308


def _rows_html(events, items, compact: bool) -> SafeString:
    out = []
    for event, item in zip(events, items, strict=True):
        meta = escape(event.type_name)
        if event.place_name:
            meta += f", {escape(event.place_name)}"
        if not compact:
            names = ", ".join(escape(name) for name in event.actor_names)
            meta += f" · {names}" if names else ""
        out.append(
            f'<li style="border-left-color: {escape(item.colour)}">'
            f'<time datetime="{escape(event.edtf)}">{escape(item.date_label)}</time> · '
            f'<a href="{escape(item.url)}">{escape(event.title)}</a> '
            f'<span class="meta">{meta}</span></li>'
        )
    return mark_safe("\n".join(out))  # noqa: S308
