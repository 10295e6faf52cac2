"""What every stage shares: settings, SQL files, the warehouse connection and its schema, the
worker pool, the job and the warehouse resource. It imports no stage."""
