"""The API's front door: its index (/api/v1/) and its documentation page (/api/v1/docs/), Swagger UI
served from static (drf-spectacular-sidecar, no CDN) and started by a script file with the page's CSP
nonce (no inline script)."""

from django.shortcuts import render
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.response import Response

from api.base import PublicAPIMixin


@extend_schema(exclude=True)
class Index(PublicAPIMixin, generics.GenericAPIView):
    """What version 1 offers, as links."""

    def get(self, request, *args, **kwargs):
        def link(name: str, *args) -> str:
            return request.build_absolute_uri(reverse(name, args=args))

        return Response(
            {
                "meetings": link("api:meetings"),
                "papers": link("api:papers"),
                "outcomes": link("api:outcomes"),
                "recommendations": link("api:recommendations"),
                "practices": link("api:practices"),
                "schema": link("api:schema"),
                "docs": link("api:docs"),
            }
        )


index = Index.as_view()


def documentation(request):
    return render(request, "api/docs.html", {"schema_url": reverse("api:schema")})
