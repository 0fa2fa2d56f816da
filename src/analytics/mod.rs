//! Pure functions over the model: funnel, forecast, KPIs, budget analysis.
