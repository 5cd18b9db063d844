"""Demo data of the information points, one module per domain (`load_demo` calls `load` after appointments)."""

from infopoints import demo_enquiries, demo_queue, demo_reports


def load(stdout) -> None:
    demo_queue.load(stdout)
    demo_enquiries.load(stdout)
    demo_reports.load(stdout)
