"""The Chair's office's API tokens: /chair/meetings/<number>/api-tokens/ (mounted under /chair/ in gfmd.urls)."""

from api import chair
from gfmd.routing import edition_paths

app_name = "api_tokens"

urlpatterns = [
    *edition_paths("api-tokens/", chair.token_list, "list"),
    *edition_paths("api-tokens/<int:pk>/revoke/", chair.token_revoke_confirm, "revoke"),
]
