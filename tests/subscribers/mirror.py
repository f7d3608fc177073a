"""A subscriber's mirror, as docs/api.md tells one to keep: full copies of articles and events,
kept in step by replaying the change feed."""


def all_items(client, path):
    """Every item of a list endpoint, following its cursor pages."""
    items, url = [], path
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        items += body["results"]
        url = body.get("next")
    return items


class Mirror:
    def __init__(self, api):
        self.api = api
        self.held = {"article": {}, "event": {}}
        self.cursor = None

    def follow(self) -> None:
        """Apply every change since the last poll: fetch what changed, drop what is gone."""
        while True:
            page = self.api.get(
                "/api/v1/changes/", {"since": self.cursor} if self.cursor else {}
            ).json()
            for change in page["changes"]:
                held = self.held[change["resource"]]
                if change["tombstone"]:
                    held.pop(change["id"], None)
                    continue
                response = self.api.get(change["url"])
                if response.status_code == 404:
                    held.pop(change["id"], None)
                else:
                    held[change["id"]] = response.json()
            self.cursor = page["next"]
            if not page["has_more"]:
                return

    def assert_equals_the_live_api(self) -> None:
        live = {
            "article": {
                str(a["id"]): a for a in all_items(self.api, "/api/v1/articles/?page_size=100")
            },
            "event": {e["id"]: e for e in all_items(self.api, "/api/v1/events/?page_size=100")},
        }
        for resource in ("article", "event"):
            assert set(self.held[resource]) == set(live[resource]), resource
            for key, held in self.held[resource].items():
                live_item = self.api.get(f"/api/v1/{resource}s/{key}/").json()
                assert held == live_item, (resource, key)
