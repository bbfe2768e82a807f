"""`python -m gui` starts NeuroExam like the `neuroexam` command."""

import sys

from gui.launch import main

sys.exit(main())
