sbatch -H -J averyverylongjobname_abcdef --wrap=true
