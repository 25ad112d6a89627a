"""The paper pages: the public library and downloads, the team's workspace, the Chair's office overview."""

from papers.views.chair import meeting_deadline, overview, session_deadline
from papers.views.files import translation_download, version_download
from papers.views.public import library, meeting_library
from papers.views.team import (
    comment_add,
    my_papers,
    paper_create,
    paper_detail,
    paper_edit,
    paper_publish_confirm,
    paper_transition,
    translation_upload,
    version_upload,
    workspace,
)

__all__ = [
    "comment_add",
    "library",
    "meeting_deadline",
    "meeting_library",
    "my_papers",
    "overview",
    "paper_create",
    "paper_detail",
    "paper_edit",
    "paper_publish_confirm",
    "paper_transition",
    "session_deadline",
    "translation_download",
    "translation_upload",
    "version_download",
    "version_upload",
    "workspace",
]
