import sys

from spotlight_dash.cli import main

sys.exit(main())
