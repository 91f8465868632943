"""MkDocs hooks for `make serve`: the contributor preview, in jirei.preview.hooks."""

from jirei.preview.hooks import on_config, on_env, on_post_build, on_pre_build, on_serve

__all__ = ["on_config", "on_env", "on_post_build", "on_pre_build", "on_serve"]
