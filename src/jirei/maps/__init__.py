"""Municipal boundaries for the choropleth maps: TopoJSON decoding, projection, simplification."""
