"""Monitor's URLs, with the reference views a measurement compares every page with: the least
a Django view does behind the same middleware."""

from django.http import HttpResponse, JsonResponse
from django.urls import include, path


def hello(request):
    return HttpResponse("Hello, world!", content_type="text/plain")


def hello_json(request):
    return JsonResponse({"message": "Hello, world!"})


urlpatterns = [
    path("bench/hello/", hello),
    path("bench/hello.json", hello_json),
    path("", include("monitor.urls")),
]
