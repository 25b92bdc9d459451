"""The network: partner organisations, multidisciplinary-team members, coverage."""
