"""Sample reports written for kg (invented officials, real provinces); `kg build` default."""
