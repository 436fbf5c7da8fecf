"""The product's URLs plus `/bench/bare/`: a trivial view behind the same middleware that only
reads who is signed in (the session and user lookups every signed-in page pays for), the floor
every page of `benchmarks/pages.py` is compared with. Only the benchmark serves it."""

from django.http import HttpResponse
from django.urls import path

from config.urls import *  # noqa: F403
from config.urls import urlpatterns as product_urlpatterns


def bare(request):
    # reads who is signed in, as every page of a signed-in person does (session and user)
    return HttpResponse(
        "ok" if request.user.is_authenticated else "anonymous", content_type="text/plain"
    )


urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *product_urlpatterns]
