from aslint.cli import main

raise SystemExit(main())
