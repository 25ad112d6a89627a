"""Who may ask for and download a generated file: whoever may see its content.

The rule is the renderer's own `can_access(user, params)`, so the download view checks the same
thing as the request; knowing a file's id gives nothing more.
"""

import rules

from accounts.permissions import is_chair_office
from reports.registry import find_renderer


@rules.predicate
def may_see_content(user, generated_file) -> bool:
    if generated_file is None or not user.is_authenticated:
        return False
    renderer = find_renderer(generated_file.kind)
    return renderer is not None and bool(renderer.can_access(user, generated_file.parameters))


rules.add_perm("reports.view_generatedfile", may_see_content)
rules.add_perm("reports.view_reports_page", is_chair_office)
