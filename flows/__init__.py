"""The edge of docsieve: Prefect flows, settings and the CLI."""

import warnings

# Prefect validates flow parameters with a pydantic model whose base class has a `schema` attribute;
# our flows take a `schema` parameter on purpose (the document schema), so this warning is noise.
warnings.filterwarnings("ignore", message='Field name "schema" in', category=UserWarning)
