sbatch --begin=2026-12-03T10 --wrap=true
