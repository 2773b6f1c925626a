"""ABlog compatibility: an ABlog site builds after swapping the extension name.

``settings`` reads ABlog's configuration in ABlog's shapes, ``labels`` resolves
ABlog's ``:ref:`` labels, ``posts`` keeps ABlog's read-side habits (auto-orphan),
``sidebars`` serves the ``ablog/*.html`` sidebar templates and ``comments`` the
Disqus and giscus threads.
"""
