from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from canhgiac.core.scoping import scope_paths

from . import selectors


@login_required
def unit_list(request):
    if scope_paths(request.user) == []:
        raise Http404
    query = request.GET.get("q", "")[:100]
    include_closed = request.GET.get("da_dong") == "1"
    rows = selectors.unit_tree(viewer=request.user, query=query, include_closed=include_closed)
    return render(request, "org/unit_list.html", {"rows": rows, "q": query, "include_closed": include_closed})


@login_required
def unit_detail(request, pk):
    unit = selectors.unit_for_viewer(viewer=request.user, pk=pk)
    return render(
        request,
        "org/unit_detail.html",
        {"unit": unit, **selectors.unit_detail(viewer=request.user, unit=unit)},
    )
