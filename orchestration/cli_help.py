"""Help screens of the `newsledger` command that name what each option takes, never a Python type.

Typer 0.29 shows each parameter's annotation in help: `--help <bool>`, `paths... <list[Path]>`,
`--warehouse <path>`. Commands and groups of these classes show instead an option's metavar
(FILE, SECONDS), its choices, or nothing for a flag, and nothing after an argument, whose name
already says what it is. They override `display_type_rich`, which Typer 0.29's help calls for
every parameter; pyproject.toml keeps Typer within 0.29 for that reason.
"""

from typer._click import Context, Parameter
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


def choices(param: TyperOption | TyperArgument) -> str | None:
    """The values `param` accepts, as declared ([table|csv|json]), when it accepts only some."""
    descriptor = param.type_descriptor
    if not descriptor.is_choice or not descriptor.choices:
        return None
    return "[" + "|".join(str(choice) for choice in descriptor.choices) + "]"


class HelpOption(TyperOption):
    """An option shown in help by its metavar or its choices; a flag by its name alone."""

    def display_type_rich(self, ctx: Context) -> str | None:
        """What help shows after the option: nothing for a flag, else its metavar, its choices,
        or its name in capitals."""
        if self.is_flag or self.count:
            return None
        if self.metavar is not None:
            return self.metavar
        return choices(self) or (self.name or "").upper()


class HelpArgument(TyperArgument):
    """An argument shown in help by its name, and its choices when it has any."""

    def display_type_rich(self, ctx: Context) -> str | None:
        """What help shows after the argument's name: its choices, or nothing."""
        return choices(self)


HELP_CLASSES: dict[type[Parameter], type[Parameter]] = {
    TyperOption: HelpOption,
    TyperArgument: HelpArgument,
}


def shown_by_name(params: list[Parameter]) -> list[Parameter]:
    """`params`, each Typer option and argument now shown in help as HelpOption and HelpArgument
    show it. Typer builds the parameters itself, so their class is changed in place; the two
    classes only override how help displays them."""
    for param in params:
        param.__class__ = HELP_CLASSES.get(type(param), type(param))
    return params


class HelpCommand(TyperCommand):
    """A command whose help names values (FILE, json|jsonl), never Python types."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        """The command's parameters, --help included, as its help shows them."""
        return shown_by_name(super().get_params(ctx))


class HelpGroup(TyperGroup):
    """A group of commands whose help names values, never Python types."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        """The group's parameters, --help and the completion options included, as its help
        shows them."""
        return shown_by_name(super().get_params(ctx))
