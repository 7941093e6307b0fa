"""A CloudFormation/SAM template read as data, with its intrinsic functions resolved.

``infra.local_stack`` creates resources from the values this module resolves, so the
template stays the single source of truth for names and wiring. Only what a deploy
needs is implemented; anything else fails loudly rather than resolving to a guess.

    template = load_template(Path("template.yaml"))
    resolver = Resolver(template, parameters={"AlertEmail": ""}, pseudo=PseudoParameters("dev"))
    resolver.resolve({"Fn::Sub": "${AWS::StackName}-articles"})  # -> "dev-articles"
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MOTO_ACCOUNT_ID = "123456789012"
NO_VALUE = object()
"""What ``!Ref AWS::NoValue`` resolves to: the enclosing key or list item is dropped."""

_SUB_PLACEHOLDER = re.compile(r"\$\{([^}]+)\}")
_SHORT_TAGS = (
    "Ref",
    "Condition",
    "GetAtt",
    "Sub",
    "If",
    "Equals",
    "Not",
    "And",
    "Or",
    "Join",
    "Select",
    "Split",
    "FindInMap",
    "Base64",
    "GetAZs",
    "ImportValue",
    "Cidr",
    "Length",
    "ToJsonString",
)


class TemplateError(ValueError):
    """The template cannot be deployed as written (or uses something this runner does not model)."""


class UnresolvedReference(TemplateError):
    """A Ref or GetAtt names a resource that has not been deployed yet."""

    def __init__(self, logical_id: str) -> None:
        super().__init__(f"{logical_id} is not deployed yet")
        self.logical_id = logical_id


class _TemplateLoader(yaml.SafeLoader):
    """SafeLoader that knows the short intrinsic tags and leaves dates as strings."""


# "2010-09-09" must stay a string, as CloudFormation reads it.
_TemplateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _short_tag_constructor(name: str) -> Callable[[yaml.SafeLoader, yaml.Node], dict[str, Any]]:
    key = name if name in ("Ref", "Condition") else f"Fn::{name}"

    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> dict[str, Any]:
        value: Any
        if isinstance(node, yaml.ScalarNode):
            value = loader.construct_scalar(node)
            if name == "GetAtt":
                logical_id, _, attribute = str(value).partition(".")
                value = [logical_id, attribute]
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
        return {key: value}

    return construct


for _name in _SHORT_TAGS:
    _TemplateLoader.add_constructor(f"!{_name}", _short_tag_constructor(_name))


def load_template(path: Path) -> dict[str, Any]:
    """The template as plain data; short tags become their long ``Fn::`` forms."""
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=_TemplateLoader)
    if not isinstance(document, dict) or not isinstance(document.get("Resources"), dict):
        raise TemplateError(f"{path} has no Resources section")
    return document


@dataclass(frozen=True, slots=True)
class PseudoParameters:
    """The ``AWS::`` pseudo parameters; the defaults are moto's account and the usual region."""

    stack_name: str
    region: str = "us-east-1"
    account_id: str = MOTO_ACCOUNT_ID
    partition: str = "aws"
    url_suffix: str = "amazonaws.com"

    @property
    def stack_id(self) -> str:
        # Stable per stack name, so a redeploy after a reset produces the same names.
        stack_uuid = uuid.uuid5(uuid.NAMESPACE_URL, f"{self.account_id}/{self.region}/{self.stack_name}")
        return f"arn:{self.partition}:cloudformation:{self.region}:{self.account_id}:stack/{self.stack_name}/{stack_uuid}"

    def value(self, name: str) -> Any:
        values: dict[str, Any] = {
            "AWS::AccountId": self.account_id,
            "AWS::Region": self.region,
            "AWS::Partition": self.partition,
            "AWS::StackName": self.stack_name,
            "AWS::StackId": self.stack_id,
            "AWS::URLSuffix": self.url_suffix,
            "AWS::NotificationARNs": [],
            "AWS::NoValue": NO_VALUE,
        }
        if name not in values:
            raise TemplateError(f"unknown pseudo parameter {name}")
        return values[name]


def parameter_values(template: Mapping[str, Any], overrides: Mapping[str, str] | None) -> dict[str, Any]:
    """Declared parameters with defaults applied, overrides checked against the declarations."""
    declared: dict[str, Any] = template.get("Parameters") or {}
    overrides = dict(overrides or {})
    unknown = sorted(set(overrides) - set(declared))
    if unknown:
        raise TemplateError(f"parameters not declared by the template: {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for name, declaration in declared.items():
        if name in overrides:
            raw = overrides[name]
        elif "Default" in declaration:
            raw = declaration["Default"]
        else:
            raise TemplateError(f"parameter {name} has no default and no value was given")
        text = str(raw)
        allowed = declaration.get("AllowedValues")
        if allowed is not None and text not in [str(option) for option in allowed]:
            raise TemplateError(f"parameter {name}={text!r} is not one of {allowed}")
        kind = declaration.get("Type", "String")
        values[name] = [item.strip() for item in text.split(",")] if "List" in kind else text
    return values


AttributeLookup = Callable[[str, str], Any]
"""(logical id, attribute name) -> the deployed resource's attribute; raises UnresolvedReference."""


class Resolver:
    """Resolves intrinsic functions against parameters, conditions and deployed resources."""

    def __init__(
        self,
        template: Mapping[str, Any],
        *,
        pseudo: PseudoParameters,
        parameters: Mapping[str, str] | None = None,
        physical_ids: Mapping[str, str] | None = None,
        attribute: AttributeLookup | None = None,
    ) -> None:
        self.template = template
        self.pseudo = pseudo
        self.parameters = parameter_values(template, parameters)
        self._physical_ids = physical_ids if physical_ids is not None else {}
        self._attribute = attribute
        self._conditions: dict[str, bool] = {}
        self._dispatch = self._functions()

    # ---------------------------------------------------------------- conditions
    def condition(self, name: str) -> bool:
        if name not in self._conditions:
            declared = (self.template.get("Conditions") or {}).get(name)
            if declared is None:
                raise TemplateError(f"unknown condition {name}")
            self._conditions[name] = bool(self.resolve(declared))
        return self._conditions[name]

    def resource_enabled(self, logical_id: str) -> bool:
        """False when the resource's Condition is false: CloudFormation would not create it."""
        condition = self.template["Resources"][logical_id].get("Condition")
        return condition is None or self.condition(condition)

    # ---------------------------------------------------------------- values
    def resolve(self, value: Any) -> Any:
        """Resolve every intrinsic in ``value``; ``AWS::NoValue`` removes its key or item."""
        if isinstance(value, list):
            return [item for item in (self.resolve(item) for item in value) if item is not NO_VALUE]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            (key, argument) = next(iter(value.items()))
            function = self._dispatch.get(key)
            if function is not None:
                return function(argument)
        resolved = {key: self.resolve(item) for key, item in value.items()}
        return {key: item for key, item in resolved.items() if item is not NO_VALUE}

    def _functions(self) -> dict[str, Callable[[Any], Any]]:
        return {
            "Ref": self._ref,
            "Condition": lambda name: self.condition(name),
            "Fn::GetAtt": self._get_att,
            "Fn::Sub": self._sub,
            "Fn::If": self._if,
            "Fn::Equals": self._equals,
            "Fn::Not": lambda args: not self._single_bool(args),
            "Fn::And": lambda args: all(bool(self.resolve(item)) for item in args),
            "Fn::Or": lambda args: any(bool(self.resolve(item)) for item in args),
            "Fn::Join": self._join,
            "Fn::Select": self._select,
            "Fn::Split": self._split,
            "Fn::FindInMap": self._find_in_map,
            "Fn::Base64": self._base64,
            "Fn::GetAZs": self._get_azs,
            "Fn::Length": lambda args: len(self.resolve(args)),
            "Fn::ImportValue": self._unsupported("Fn::ImportValue (no other stacks exist locally)"),
            "Fn::Cidr": self._unsupported("Fn::Cidr"),
            "Fn::ToJsonString": self._unsupported("Fn::ToJsonString"),
        }

    @staticmethod
    def _unsupported(what: str) -> Callable[[Any], Any]:
        def fail(_: Any) -> Any:
            raise TemplateError(f"{what} is not supported by the local runner")

        return fail

    def _ref(self, name: Any) -> Any:
        name = self.resolve(name)
        if not isinstance(name, str):
            raise TemplateError(f"Ref of a non-string: {name!r}")
        if name.startswith("AWS::"):
            return self.pseudo.value(name)
        if name in self.parameters:
            return self.parameters[name]
        if name in self.template["Resources"]:
            if name not in self._physical_ids:
                raise UnresolvedReference(name)
            return self._physical_ids[name]
        raise TemplateError(f"Ref to unknown name {name}")

    def _get_att(self, argument: Any) -> Any:
        argument = self.resolve(argument)
        if isinstance(argument, str):
            argument = argument.split(".", 1)
        if not isinstance(argument, list) or len(argument) != 2:
            raise TemplateError(f"Fn::GetAtt needs [LogicalId, Attribute], got {argument!r}")
        logical_id, attribute = argument
        if logical_id not in self.template["Resources"] and not self._sam_generated(logical_id):
            raise TemplateError(f"Fn::GetAtt of unknown resource {logical_id}")
        if self._attribute is None:
            raise UnresolvedReference(logical_id)
        return self._attribute(logical_id, attribute)

    def _sam_generated(self, logical_id: str) -> bool:
        """SAM creates "<Function>Role" for a function with Policies, and "<Function>Url" for one with
        FunctionUrlConfig; templates may refer to either."""
        return sam_generated_owner(self.template["Resources"], logical_id) is not None

    def _sub(self, argument: Any) -> str:
        if isinstance(argument, str):
            text, variables = argument, {}
        elif isinstance(argument, list) and len(argument) == 2:
            text, variables = argument[0], self.resolve(argument[1])
        else:
            raise TemplateError(f"Fn::Sub needs a string or [string, variables], got {argument!r}")

        def substitute(match: re.Match[str]) -> str:
            name = match.group(1)
            if name.startswith("!"):
                return "${" + name[1:] + "}"
            if name in variables:
                return str(variables[name])
            if "." in name and not name.startswith("AWS::"):
                return str(self._get_att(name.split(".", 1)))
            return str(self._ref(name))

        return _SUB_PLACEHOLDER.sub(substitute, text)

    def _if(self, argument: Any) -> Any:
        if not isinstance(argument, list) or len(argument) != 3:
            raise TemplateError(f"Fn::If needs [condition, then, else], got {argument!r}")
        name, when_true, when_false = argument
        return self.resolve(when_true if self.condition(name) else when_false)

    def _equals(self, argument: Any) -> bool:
        left, right = self.resolve(argument)
        return str(left) == str(right)

    def _single_bool(self, argument: Any) -> bool:
        [only] = argument
        return bool(self.resolve(only))

    def _join(self, argument: Any) -> str:
        delimiter, items = argument
        resolved = self.resolve(items)
        return str(delimiter).join(str(item) for item in resolved)

    def _select(self, argument: Any) -> Any:
        index, items = self.resolve(argument)
        return items[int(index)]

    def _split(self, argument: Any) -> list[str]:
        delimiter, text = self.resolve(argument)
        return str(text).split(str(delimiter))

    def _find_in_map(self, argument: Any) -> Any:
        map_name, top, second = self.resolve(argument)
        try:
            return self.template["Mappings"][map_name][top][second]
        except KeyError as error:
            raise TemplateError(f"Fn::FindInMap: no {map_name}/{top}/{second}") from error

    def _base64(self, argument: Any) -> str:
        import base64

        return base64.b64encode(str(self.resolve(argument)).encode()).decode()

    def _get_azs(self, argument: Any) -> list[str]:
        region = self.resolve(argument) or self.pseudo.region
        return [f"{region}{zone}" for zone in "abc"]


def references(value: Any) -> Iterator[str]:
    """Every name a value refers to through Ref, GetAtt or a ${...} in Sub (pseudo parameters included)."""
    if isinstance(value, list):
        for item in value:
            yield from references(item)
        return
    if not isinstance(value, dict):
        return
    for key, argument in value.items():
        if key == "Ref" and isinstance(argument, str):
            yield argument
        elif key == "Fn::GetAtt":
            target = argument.split(".", 1)[0] if isinstance(argument, str) else argument[0]
            if isinstance(target, str):
                yield target
        elif key == "Fn::Sub":
            text, variables = (argument, {}) if isinstance(argument, str) else (argument[0], argument[1])
            for name in _SUB_PLACEHOLDER.findall(text):
                if not name.startswith("!") and name not in variables:
                    yield name.split(".", 1)[0]
            yield from references(variables)
        else:
            yield from references(argument)


def sam_generated_owner(resources: Mapping[str, Any], logical_id: str) -> str | None:
    """The function whose SAM-generated resource ``logical_id`` is ("<Function>Role" or "<Function>Url")."""
    for suffix, needs in (("Role", None), ("Url", "FunctionUrlConfig")):
        owner = logical_id.removesuffix(suffix)
        function = resources.get(owner, {})
        if (
            owner != logical_id
            and function.get("Type") == "AWS::Serverless::Function"
            and (needs is None or needs in function.get("Properties", {}))
        ):
            return owner
    return None
