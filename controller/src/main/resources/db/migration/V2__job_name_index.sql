-- squeue --name / scancel --name (how workflow tools and measure.sh find their jobs).
CREATE INDEX jobs_name ON jobs (name);
