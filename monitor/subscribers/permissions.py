"""What a plan allows: any authenticated subscriber reads articles; events need a plan with them."""

from rest_framework import permissions


class PlanAllows(permissions.BasePermission):
    message = "Your plan does not include events; ask about a plan that does."

    def has_permission(self, request, view):
        grant = request.auth
        if not getattr(request.user, "is_authenticated", False) or grant is None:
            return False
        # Event endpoints declare ``requires_events``; the content apps never import this one.
        return grant.include_events or not getattr(view, "requires_events", False)
