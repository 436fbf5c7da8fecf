"""A page with an inline script, as one of our templates would write it."""

from django.http import HttpResponse
from django.template import RequestContext, Template
from django.urls import path

INLINE = Template('<script nonce="{{ csp_nonce }}">document.title = "memnun";</script>')


def inline_script(request):
    return HttpResponse(INLINE.render(RequestContext(request)))


urlpatterns = [path("portal/inline/", inline_script)]
