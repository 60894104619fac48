"""The CP-SAT models: the only place that imports ortools."""
