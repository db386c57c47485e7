//! Layer 4, **render**: results to JSON, CSV and the workbook. Rendering never recomputes a figure.
