"""Demo data of the information points, one module per domain (load_demo calls `load`)."""

from infopoints import demo_enquiries


def load(stdout) -> None:
    demo_enquiries.load(stdout)
