"""How the OpenAPI schema names the exports' token (drf-spectacular; imported by ApiConfig.ready())."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ApiTokenAuthentication"
    name = "meetingToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A meeting's API token, created by its Chair's office (read-only exports).",
        }
