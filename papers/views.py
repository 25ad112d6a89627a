from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


library = my_papers = overview = meeting_deadline = session_deadline = workspace = paper_create = _todo
paper_detail = paper_edit = version_upload = translation_upload = paper_transition = comment_add = _todo
version_download = translation_download = _todo
