"""Translation catalogues of the core's texts, one module per language (see core.i18n)."""
