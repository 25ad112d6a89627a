from django.db import connections


class QueryCountMiddleware:
    """Adds `X-Query-Count` to every response, so the benchmark reads SQL queries per request
    from the real server. Installed only when GFMD_BENCHMARK is set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Query-Count"] = str(count)
        return response
