"""Pages of the case register: cases (views.cases), exports, imports, statistics and the public page."""
