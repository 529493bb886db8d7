"""Where the pipeline runs: this machine (`parley.pipeline.run`, with `--workers` parser
processes) or a Dask cluster (`engines.dask.run_dask`). Records are the same either way."""
