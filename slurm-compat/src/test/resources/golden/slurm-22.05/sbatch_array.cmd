mkdir -p arr && cd arr && sbatch --array=1-2 --wrap='echo task $SLURM_ARRAY_TASK_ID'
