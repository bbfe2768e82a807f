"""The PDFs: the clinician report (clinician.py) and the patient handout (handout.py).

Import the submodules directly; this package imports nothing so that the dermatome map can use
its fonts without a cycle.
"""
