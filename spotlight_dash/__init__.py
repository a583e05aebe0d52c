"""Results dashboard of the Spotlight Initiative Regional Programme for Central Asia and Afghanistan."""
