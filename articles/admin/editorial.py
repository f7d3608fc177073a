"""The article admin's editorial views: workflow steps, revisions, previews, autosave.

Each view takes the ``ArticleAdmin`` as ``model_admin``; permissions are checked through the same
services the rest of Monitor uses (``can_edit``, ``article_transition``).
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from articles.models import Article, ArticleStatus, PreviewLink
from articles.presence import presence_others
from articles.revisions import diff_snapshots
from articles.services import (
    article_revert,
    article_save,
    article_snapshot,
    article_transition,
    can_edit,
    latest_revision_number,
    preview_link_create,
    user_permissions,
    working_copy_for,
    working_copy_save,
)
from articles.services import (
    preview_link_revoke as revoke_link,
)
from articles.services.pages import article_page_context
from articles.workflow import Action, TransitionRefused, allowed_actions

RECENT_EDIT = dt.timedelta(minutes=10)


def _article(model_admin, request, object_id) -> Article:
    article = model_admin.get_object(request, object_id)
    if article is None or not model_admin.has_view_permission(request, article):
        raise Http404("No such article.")
    return article


def _change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def change_form_context(request, article, model_admin) -> dict:
    """What the change form shows beside the fields: workflow, presence, recovery, links."""
    copy = working_copy_for(user=request.user, article=article)
    context = {
        "working_copy": copy,
        "autosave_url": reverse(
            "admin:articles_article_autosave" if article else "admin:articles_article_autosave_new",
            args=[article.pk] if article else [],
        ),
        "live_preview_url": reverse(
            "admin:articles_article_live_preview"
            if article
            else "admin:articles_article_live_preview_new",
            args=[article.pk] if article else [],
        ),
    }
    if article is None:
        return context
    latest = article.revisions.select_related("by").first()
    # A copy older than the latest revision is still offered (the editor's own save would
    # have discarded it): restored, it keeps the revision it was based on, so saving it
    # merges it with what was saved since instead of overwriting it.
    context["working_copy_behind"] = bool(
        copy and latest and (copy.base_revision or 0) < latest.number
    )
    since = timezone.now() - RECENT_EDIT
    context |= {
        "workflow_actions": allowed_actions(article.status, user_permissions(request.user)),
        "schedule_action": Action.SCHEDULE,
        "others_here": presence_others(article.pk, request.user),
        "recent_editors": sorted(
            {
                r.by.get_username()
                for r in article.revisions.filter(at__gte=since)
                .exclude(by=request.user)
                .select_related("by")
                if r.by
            }
        ),
        "preview_links": article.preview_links.valid(timezone.now()),
        "latest_revision": latest,
        # A draft returned to its writer shows the reviewer's note first.
        "returned": article.transitions.select_related("by").first()
        if article.status == ArticleStatus.DRAFT
        else None,
    }
    if context["returned"] is not None and context["returned"].action != Action.RETURN:
        context["returned"] = None
    return context


@require_POST
def transition(request, object_id, *, model_admin):
    article = _article(model_admin, request, object_id)
    at = None
    if request.POST.get("at"):
        try:
            at = timezone.make_aware(dt.datetime.fromisoformat(request.POST["at"]))
        except ValueError:
            messages.error(request, "The publication time is not a date and time.")
            return HttpResponseRedirect(_change_url(article))
    try:
        article_transition(
            article=article,
            action=request.POST.get("action", ""),
            by=request.user,
            comment=request.POST.get("comment", ""),
            at=at,
        )
    except TransitionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        article.refresh_from_db()
        messages.success(request, f"The article is now {article.get_status_display().lower()}.")
    return HttpResponseRedirect(_change_url(article))


def revisions(request, object_id, *, model_admin):
    """Every revision, and a readable diff between any two (``?a=N&b=M``)."""
    article = _article(model_admin, request, object_id)
    history = list(article.revisions.select_related("by", "transition"))
    by_number = {r.number: r for r in history}
    changes = None
    a, b = request.GET.get("a"), request.GET.get("b")
    if a and b and a.isdigit() and b.isdigit() and int(a) in by_number and int(b) in by_number:
        changes = diff_snapshots(by_number[int(a)].snapshot, by_number[int(b)].snapshot)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Article._meta,
        "title": f"Revisions of “{article.title}”",
        "article": article,
        "history": history,
        "changes": changes,
        "a": a,
        "b": b,
        "can_revert": can_edit(request.user, article),
    }
    return TemplateResponse(request, "admin/articles/article/revisions.html", context)


def revert(request, object_id, number, *, model_admin):
    """Revert to a revision: a GET asks for confirmation, showing what would change."""
    article = _article(model_admin, request, object_id)
    if not can_edit(request.user, article):
        raise PermissionDenied
    revision = get_object_or_404(article.revisions, number=number)
    if request.method != "POST":
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": Article._meta,
            "title": f"Revert “{article.title}” to revision {number}?",
            "article": article,
            "revision": revision,
            "changes": diff_snapshots(article_snapshot(article), revision.snapshot),
        }
        return TemplateResponse(request, "admin/articles/article/revert_confirm.html", context)
    article_revert(article=article, revision=revision, by=request.user)
    messages.success(
        request, f"Reverted to revision {number}; the revert is itself a new revision."
    )
    return HttpResponseRedirect(_change_url(article))


def preview(request, object_id, *, model_admin):
    """The article, or one of its revisions (``?revision=N``), as the public page shows it."""
    article = _article(model_admin, request, object_id)
    number = request.GET.get("revision")
    if not number:
        return render_preview(request, article)
    revision = get_object_or_404(article.revisions, number=number)
    # Render the revision for real, then roll back: the same template, nothing changed.
    with transaction.atomic():
        article_revert(article=article, revision=revision, by=request.user)
        response = render_preview(request, article, label=f"Preview of revision {revision.number}")
        transaction.set_rollback(True)
    return response


def render_preview(request, article, *, label="Preview") -> HttpResponse:
    from articles.views import article_page

    response = article_page(
        request, Article.objects.for_display().get(pk=article.pk), preview=label
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def preview_link_new(request, object_id, *, model_admin):
    article = _article(model_admin, request, object_id)
    if not can_edit(request.user, article) and not request.user.has_perm("articles.review_article"):
        raise PermissionDenied
    link, token = preview_link_create(article=article, by=request.user)
    url = request.build_absolute_uri(reverse("articles:shared_preview", args=[token]))
    messages.success(
        request,
        f"Preview link (read-only, valid until {timezone.localtime(link.expires_at):%B %-d, %H:%M}; "
        f"copy it now, it is shown once): {url}",
    )
    return HttpResponseRedirect(_change_url(article))


@require_POST
def preview_link_revoke(request, object_id, link_id, *, model_admin):
    article = _article(model_admin, request, object_id)
    link = get_object_or_404(PreviewLink, pk=link_id, article=article)
    # Those who may edit the article may revoke its links; anyone else only a link they made.
    if not can_edit(request.user, article) and link.created_by_id != request.user.pk:
        raise PermissionDenied
    revoke_link(link=link)
    messages.success(request, "The preview link no longer opens the article.")
    return HttpResponseRedirect(_change_url(article))


@require_POST
def autosave(request, object_id=None, *, model_admin):
    """Keep the form as the editor left it; answers JSON for the page's script."""
    article = _article(model_admin, request, object_id) if object_id else None
    allowed = (
        can_edit(request.user, article) if article else model_admin.has_add_permission(request)
    )
    if not allowed:
        return JsonResponse({"saved": False, "error": "You cannot edit this article."}, status=403)
    base = request.POST.get("base_revision")
    copy = working_copy_save(
        user=request.user,
        article=article,
        data=dict(request.POST.lists()),
        base_revision=int(base) if base and base.isdigit() else None,
    )
    stale = (
        article is not None
        and base
        and base.isdigit()
        and int(base) != latest_revision_number(article)
    )
    return JsonResponse(
        {"saved": True, "saved_at": copy.saved_at.isoformat(), "stale": bool(stale)},
    )


@require_POST
def live_preview(request, object_id=None, *, model_admin):
    """The form as it stands, rendered as readers will see the article's text: saved through
    the same write path as a real save, inside a transaction that is then rolled back (the
    citations linked to their sources, the cross-references to their targets, the notes).
    Answers JSON ``{"html": ...}``, or the form's errors with 400."""
    article = _article(model_admin, request, object_id) if object_id else Article()
    allowed = (
        can_edit(request.user, article) if object_id else model_admin.has_add_permission(request)
    )
    if not allowed:
        return JsonResponse({"errors": {"__all__": ["You cannot edit this article."]}}, status=403)
    form_class = model_admin.get_form(
        request, article if object_id else None, change=bool(object_id)
    )
    data = request.POST.copy()
    data["base_revision"] = ""  # a preview is never refused as stale: nothing is kept
    form = form_class(data, request.FILES, instance=article)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    with transaction.atomic():
        article = form.save(commit=False)  # as the admin's save does: the m2m after the row
        if article.pk is None:
            article.created_by = request.user

        def write():
            article.save()
            form.save_m2m()

        article_save(
            article=article,
            by=request.user,
            summary=form.cleaned_data.get("summary", []),
            notes=form.cleaned_data.get("notes", []),
            write=write,
        )
        shown = Article.objects.for_display().get(pk=article.pk)
        html = render_to_string(
            "articles/_article_main.html", article_page_context(shown, preview="Preview")
        )
        transaction.set_rollback(True)
    return JsonResponse({"html": html})
