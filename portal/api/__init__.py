"""The integration API's shared parts: problem details, the middleware of `/api/`, lists, and portal's endpoints.

Each app keeps its endpoints in its own module (`portal.api.read`, `cases.api_v1`, `appointments.api`,
`infopoints.api`) and uses only its own and its left neighbours' selectors and services; the project URL
configuration (`portal.urls`) assembles them into one NinjaAPI with the token authentication of `cases.api_v1`.
"""
