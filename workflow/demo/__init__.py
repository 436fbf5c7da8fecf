"""Demo and benchmark data: reference data, demo users, demo complaints, bulk generation.

`load_demo_data` drives every demo complaint through `workflow.services`; only the benchmark
generator (`generate_complaints`) writes rows directly, because a million service calls would
take hours. Neither is imported by the running application.
"""
