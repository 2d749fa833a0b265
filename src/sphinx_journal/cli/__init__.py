"""``sphinx-journal``: init, new, import and check a journal from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sphinx_journal.cli import check, importer, init, new
from sphinx_journal.cli.errors import UsageError
from sphinx_journal.version import __version__

EXIT_CODES = """exit codes:
  0  done (check: no problem found; import: its warnings are reported, not fatal)
  1  problems found (check), or nothing to import
  2  usage error: bad arguments, a folder that is not a journal,
     or a file that would be overwritten (nothing is written then)"""

VERBS = {
    "init": (init, "write a ready journal project into DIR"),
    "new": (new, "create today's post from the template and print its path"),
    "import": (importer, "copy a Jekyll site's posts and bibliography into a journal"),
    "check": (check, "read every post without building and report each problem"),
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="sphinx-journal",
        description="Keep a study journal as a Sphinx site.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"sphinx-journal {__version__}")
    verbs = top.add_subparsers(dest="verb", required=True, metavar="VERB")
    for name, (module, summary) in VERBS.items():
        sub = verbs.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=EXIT_CODES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run one verb; return its exit code (argparse exits with 2 itself on bad arguments)."""
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except UsageError as error:
        print(f"sphinx-journal {args.verb}: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # a file or folder the system refuses: say which, no traceback
        where = f" {error.filename}" if error.filename else ""
        print(f"sphinx-journal {args.verb}:{where}: {error.strerror or error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            f"sphinx-journal {args.verb}: interrupted; every file written is complete, "
            "run the same command again to finish",
            file=sys.stderr,
        )
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
