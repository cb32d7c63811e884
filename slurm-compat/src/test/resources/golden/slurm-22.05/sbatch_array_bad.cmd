sbatch --array=abc --wrap=true
