"""Package discovery: the top-level resources/ folder is installed as ``briefing.resources``."""

from setuptools import find_packages, setup

resource_packages = [
    "briefing.resources" + ("." + sub if sub else "")
    for sub in [p for p in find_packages(where="resources", include=["*"])] + [""]
]

setup(
    packages=find_packages(include=["briefing", "briefing.*"]) + resource_packages,
    package_dir={"briefing.resources": "resources"},
)
